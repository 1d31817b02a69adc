export async function seedCaseFileReviewDemo() {}
