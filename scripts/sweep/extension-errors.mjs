/**
 * Collects errors thrown or logged by the extension: in content scripts (the page's isolated
 * worlds) and in the background service worker, including errors from before we attached (the
 * worker's console is replayed on Runtime.enable) and from workers restarted later (MV3 stops an
 * idle worker; the next message starts a new one).
 */

const PLAYWRIGHT_WORLD = '__playwright_utility_world__';

function describeException(details) {
  const description = details.exception?.description ?? details.text ?? 'exception';
  return description.split('\n').slice(0, 3).join(' | ');
}

function stackUrls(stackTrace) {
  return (stackTrace?.callFrames ?? []).map((frame) => frame.url ?? '');
}

/**
 * Watches one page. An error is ours when it comes from an isolated world that is not
 * Playwright's (only our extension runs content scripts) or names the extension's origin.
 * @returns {Promise<{ errors: string[] }>}
 */
export async function watchPageForExtensionErrors(context, page, extensionOrigin) {
  const cdp = await context.newCDPSession(page);
  const isolated = new Set();
  const errors = [];
  const ours = (contextId, urls) =>
    isolated.has(contextId) || urls.some((url) => url.startsWith(extensionOrigin));
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    if (created.auxData?.isDefault === false && created.name !== PLAYWRIGHT_WORLD) {
      isolated.add(created.id);
    }
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: details }) => {
    const urls = [details.url ?? '', ...stackUrls(details.stackTrace)];
    if (ours(details.executionContextId, urls)) {
      errors.push(`content script: ${describeException(details)}`);
    }
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId, stackTrace }) => {
    if (type !== 'error' && type !== 'assert') return;
    if (!ours(executionContextId, stackUrls(stackTrace))) return;
    const text = args.map((arg) => arg.value ?? arg.description ?? arg.type).join(' ');
    errors.push(`content script console.${type}: ${text.slice(0, 200)}`);
  });
  await cdp.send('Runtime.enable');
  return { errors };
}

/**
 * Watches the extension's service worker(s) through a browser-level CDP session.
 * @returns {Promise<{ errors: string[], stop: () => Promise<void> }>}
 */
export async function watchServiceWorkerErrors(browser, extensionOrigin) {
  const cdp = await browser.newBrowserCDPSession();
  const errors = [];
  const attached = new Set();
  let nextId = 1;

  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { method, params } = JSON.parse(message);
    if (method === 'Runtime.exceptionThrown') {
      errors.push(`service worker: ${describeException(params.exceptionDetails)}`);
    } else if (
      method === 'Runtime.consoleAPICalled' &&
      (params.type === 'error' || params.type === 'assert')
    ) {
      const text = params.args.map((arg) => arg.value ?? arg.description ?? arg.type).join(' ');
      errors.push(`service worker console.${params.type}: ${text.slice(0, 200)}`);
    }
  });

  const attach = async (target) => {
    if (target.type !== 'service_worker' || !target.url.startsWith(extensionOrigin)) return;
    if (attached.has(target.targetId)) return;
    attached.add(target.targetId);
    try {
      // Not flattened: Playwright's session API cannot address a flattened child session.
      const { sessionId } = await cdp.send('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: false,
      });
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: nextId++, method: 'Runtime.enable' }),
      });
    } catch {
      // The worker stopped between discovery and attach; a restarted one is a new target.
      attached.delete(target.targetId);
    }
  };

  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  await Promise.all(targetInfos.map(attach));
  return { errors, stop: () => cdp.detach().catch(() => {}) };
}
