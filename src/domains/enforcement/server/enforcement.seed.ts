export async function seedEnforcementDemo(_k: unknown) {}
