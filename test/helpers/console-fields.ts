import type { Locator, Page } from 'playwright-core';

/**
 * The text box behind a `data-testid`: Element Plus puts an el-input's attributes on the
 * <input>/<textarea> itself, a picker's or a select's on its wrapper; either way this finds it.
 */
export function field(page: Page, testId: string): Locator {
  const id = `[data-testid="${testId}"]`;
  return page.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`);
}
