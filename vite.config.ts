import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The staff and public web app. Built into dist/web and served by the API server on the same origin.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/app/web'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('echarts')) return 'echarts';
          if (id.includes('@ant-design/pro')) return 'pro';
          if (id.includes('node_modules/antd') || id.includes('@ant-design') || id.includes('rc-')) return 'antd';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/metrics': 'http://localhost:3000' } },
});
