import { type Browser, browser } from 'wxt/browser';
import { describeError } from '../../common/describe-error';
import { parseBackgroundRequest, type Reply } from '../../common/protocol';
import { type BackgroundContext, handleBackgroundRequest } from './handlers';

/** Parses and answers one message; every failure becomes `{ ok: false }`, never a rejection. */
export async function respond(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  context: BackgroundContext,
): Promise<Reply<unknown>> {
  const parsed = parseBackgroundRequest(message);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    return { ok: true, value: await handleBackgroundRequest(parsed.value, sender, context) };
  } catch (error) {
    console.error(`Firewall Lens: ${parsed.value.type} failed`, error);
    return { ok: false, error: describeError(error) };
  }
}

/**
 * Must run synchronously at the top of every worker start: a stopped MV3 worker is woken by the
 * event itself, and only listeners registered in the first turn receive it.
 */
export function registerBackgroundListeners(context: BackgroundContext): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender) => {
      // runtime.onMessage only carries our own pages and content scripts; checking costs nothing.
      if (sender.id !== browser.runtime.id) return undefined;
      return respond(message, sender, context);
    },
  );

  browser.runtime.onInstalled.addListener(() => {
    context.seeder.ensureSeeded().catch((error: unknown) => {
      console.error('Firewall Lens: seeding the card cache failed', error);
    });
  });
}
