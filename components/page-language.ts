/**
 * An extension page in the interface language: its `lang` (which picks Chinese fonts and line
 * breaking, see tokens.css) and its tab title. Called before the first render.
 */
import { interfaceLanguage, type PlainId, t } from '../common/i18n';

export function applyInterfaceLanguage(title: PlainId): void {
  document.documentElement.lang = interfaceLanguage();
  document.title = t(title);
}
