import type { Kernel } from '../../../core/server';
export async function seedLitigationDemo(_kernel: Kernel) {}
