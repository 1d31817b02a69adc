/**
 * The kernel's case queries. A case's key is `['case', id]` everywhere: ActionButtons refreshes it (and
 * every key under it, such as a domain's progress view) after each transition.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api';

export const caseKey = (id: string) => ['case', id] as const;

export const useCase = (id: string) =>
  useQuery({ queryKey: caseKey(id), queryFn: () => api.GET('/api/cases/{id}', { path: { id } }) });
