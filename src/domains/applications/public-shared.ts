/**
 * What other domains' shared and web code may use from applications: isomorphic schemas only (public.ts
 * carries server code and must not reach the browser bundle).
 */
export { Applicant, ApplicationFile, MaterialEntry } from './shared/applications.schema';
