import { expect, test } from '@playwright/test';

test('the studio loads and names itself', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Flopack Studio' })).toBeVisible();
});
