import { describe, expect, it } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { poll } from './harness/poll';
import { ARTICLE_TERMS, openPopupOver, popupMentionRows, popupTests } from './harness/popup-suite';

describe('the toolbar popup over an article, in Chromium', () => {
  const env = popupTests(launchChromiumSession, { popupCanCloseItself: true });

  // Chromium only: the test reads the browser's own accessibility tree over CDP, not a
  // reimplementation of the naming rules; the Firefox driver (WebDriver BiDi) has no such view.
  it('names each term button for screen readers with its count ("VPN 4 mentions")', async () => {
    const { session, article } = env();
    const popup = await openPopupOver(session, article);
    await poll(() => popup.evaluate(popupMentionRows), { message: 'the list of terms' });
    const cdp = await session.extension.context.newCDPSession(popup.raw);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string } }[];
    };
    await cdp.detach();
    const buttonNames = nodes
      .filter((node) => node.role?.value === 'button')
      .map((node) => node.name?.value ?? '');
    for (const [label, count] of ARTICLE_TERMS) {
      expect(buttonNames).toContain(`${label} ${count}`);
    }
    await popup.close();
  });
});
