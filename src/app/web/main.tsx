import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { api, queryClient } from '../../core/web/api';
import { publicSiteQuery } from '../../core/web/kernel.hooks';
import { setSiteTimeZone } from '../../core/web/time';
import { Shell } from './shell';

dayjs.locale('zh-cn');

// Times show in the server's zone (core/web/time.ts). The answer is tiny and same-origin; a slow one
// does not hold the first paint past 800 ms, and the default zone (China time) holds meanwhile.
const site = api.GET('/api/public/site').then((s) => { setSiteTimeZone(s.timeZone); queryClient.setQueryData(publicSiteQuery().queryKey, s); }).catch(() => {});
void Promise.race([site, new Promise((r) => setTimeout(r, 800))]).then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Shell />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
));
