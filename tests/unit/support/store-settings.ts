import type { Settings } from '../../../common/settings';
import { updateSettings } from '../../../common/settings-store';

/** Stores whole settings through the one write path the extension has (`updateSettings`). */
export const storeSettings = (next: Settings): Promise<Settings> => updateSettings(() => next);
