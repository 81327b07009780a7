import { describe, expect, it } from 'vitest';
import { interfaceIsChinese, interfaceLanguage, plural, t } from '../../../common/i18n';
import { useInterfaceLocale } from '../support/fake-i18n';

describe('the text layer', () => {
  it('fills named values into their places, whatever order they are given in', () => {
    expect(t('glossaryNoMatchQueryCategory', { query: 'proxy', category: 'Events' })).toBe(
      'No terms match “proxy” in Events.',
    );
    useInterfaceLocale('zh_CN');
    // Chinese puts the category first: the names, not the order, decide.
    expect(t('glossaryNoMatchQueryCategory', { query: '代理', category: '事件' })).toBe(
      '“事件”中没有与“代理”匹配的术语。',
    );
  });

  it('picks the plural form the interface language wants', () => {
    expect(plural('glossaryTermCount', 1)).toBe('1 term');
    expect(plural('glossaryTermCount', 0)).toBe('0 terms');
    expect(plural('glossaryTermCount', 2)).toBe('2 terms');
    useInterfaceLocale('zh_CN');
    expect(plural('glossaryTermCount', 1)).toBe('1 个术语');
    expect(plural('glossaryTermCount', 2)).toBe('2 个术语');
  });

  it('writes numbers the interface language’s way', () => {
    expect(t('siteErrorFull', { max: 1200 })).toBe('This list is full (1,200 sites).');
  });

  it('knows the language tag of the messages in use', () => {
    expect(interfaceLanguage()).toBe('en');
    expect(interfaceIsChinese()).toBe(false);
    useInterfaceLocale('zh_CN');
    expect(interfaceLanguage()).toBe('zh-CN');
    expect(interfaceIsChinese()).toBe(true);
  });
});
