/**
 * The detector's walk: which element each text counts for, what it counts (prose length,
 * commas, link text, Chinese and Japanese weighed twice), what it never reads, the texts it
 * keeps for the scanner, and walking in slices on a page that changes between them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Tally } from '../../../../entrypoints/content/marking/story-records';
import { StoryWalk } from '../../../../entrypoints/content/marking/story-walk';

beforeEach(() => {
  document.body.innerHTML = '';
});

function walked(markup: string, matches: (text: string) => boolean = () => true): StoryWalk {
  document.body.innerHTML = markup;
  const walk = new StoryWalk(document.body, () => 0, matches);
  expect(walk.walk(Number.POSITIVE_INFINITY)).toBe(true);
  return walk;
}

/** Each record as `tag#id`, in the walk's order. */
function names(walk: StoryWalk): string[] {
  return walk.records.map((r) => (r.element.id ? `${r.tag}#${r.element.id}` : r.tag));
}

function recordOf(walk: StoryWalk, id: string): Tally {
  const record = walk.records.find((r) => r.element.id === id);
  if (record === undefined) throw new Error(`no record for #${id}`);
  return record;
}

describe('which element a text counts for', () => {
  it('the nearest element that is not inline: links and spans in a paragraph get no record', () => {
    const walk = walked(
      '<p id="p">Blocked: <a href="/g">Google</a>, <span><b>YouTube</b></span>.</p>',
    );
    expect(names(walk)).toEqual(['body', 'p#p']);
    const p = recordOf(walk, 'p');
    expect(p.chars).toBe('Blocked: Google, YouTube.'.length);
    expect(p.inlineChars).toBe(p.chars);
    expect(p.linkChars).toBe('Google'.length);
  });

  it('an inline element holding a block gets a record, and the block knows it is in a link', () => {
    const walk = walked(
      '<a href="/story" id="card"><div id="teaser">A teaser about the ban</div></a>',
    );
    expect(names(walk)).toEqual(['body', 'a#card', 'div#teaser']);
    const teaser = recordOf(walk, 'teaser');
    expect(teaser.inLink).toBe(true);
    expect(teaser.linkChars).toBe(teaser.chars);
    expect(recordOf(walk, 'card').hasBlockChild).toBe(true);
  });

  it('a link is an a with an href: an anchor without one is plain text', () => {
    const walk = walked('<p id="p"><a name="top">Top of the story</a></p>');
    expect(recordOf(walk, 'p').linkChars).toBe(0);
  });

  it('records only elements that text arrived below, parents before children', () => {
    const walk = walked(
      '<div id="empty"><div id="also-empty"> </div></div><section id="s"><div id="d"><p id="p">Text</p></div></section>',
    );
    expect(names(walk)).toEqual(['body', 'section#s', 'div#d', 'p#p']);
    expect(walk.records.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(recordOf(walk, 'p').parent).toBe(recordOf(walk, 'd'));
  });
});

describe('what a text counts', () => {
  it('its length, without the whitespace around it when at both ends, nothing for blanks', () => {
    const walk = walked(
      '<p id="both">\n  Ten chars.  \n</p><p id="one">Ten chars.  \n</p><p id="blank">\n   \n</p>',
    );
    expect(recordOf(walk, 'both').chars).toBe('Ten chars.'.length);
    // Most text nodes start or end with a letter: their length is taken as it is.
    expect(recordOf(walk, 'one').chars).toBe('Ten chars.  \n'.length);
    expect(names(walk)).not.toContain('p#blank');
  });

  it('its commas', () => {
    const walk = walked('<p id="p">One, two, three, and four.</p>');
    expect(recordOf(walk, 'p').inlineCommas).toBe(3);
  });

  it('Chinese commas, and Chinese text twice its length', () => {
    const text = '防火长城屏蔽了谷歌，脸书、推特和油管。';
    const walk = walked(`<p id="p">${text}</p>`);
    expect(recordOf(walk, 'p').inlineCommas).toBe(2);
    expect(recordOf(walk, 'p').chars).toBe(text.length * 2);
  });

  it('Japanese text with only full stops twice its length too', () => {
    const text = 'グーグルは中国で使えません。';
    expect(recordOf(walked(`<p id="p">${text}</p>`), 'p').chars).toBe(text.length * 2);
  });

  it('Arabic commas, at the weight of English', () => {
    const text = 'فيسبوك، تويتر، يوتيوب';
    const walk = walked(`<p id="p">${text}</p>`);
    expect(recordOf(walk, 'p').inlineCommas).toBe(2);
    expect(recordOf(walk, 'p').chars).toBe(text.length);
  });

  it('in English text, only English commas, even with a stray Chinese comma in it', () => {
    const text = 'The café sign said 你好，welcome, in two scripts at the door';
    const walk = walked(`<p id="p">${text}</p>`);
    expect(recordOf(walk, 'p').inlineCommas).toBe(1);
    expect(recordOf(walk, 'p').chars).toBe(text.length);
  });
});

describe('what it never reads', () => {
  it('scripts, styles, form controls, SVG, and subtrees hidden by attribute', () => {
    const walk = walked(
      `<p id="p">Read</p><script>var vpn = "VPN";</script><style>.vpn{}</style><textarea>VPN</textarea>
       <button>Share VPN</button><svg><text>VPN</text></svg><div hidden><p id="h">VPN</p></div>
       <div aria-hidden="true"><p id="ah">VPN</p></div><div aria-hidden="false"><p id="shown">VPN</p></div>`,
      (text) => text.includes('VPN'),
    );
    expect(names(walk)).toEqual(['body', 'p#p', 'div', 'p#shown']);
    expect(walk.matched.map((text) => text.parentElement?.id)).toEqual(['shown']);
  });

  it('anything below a root that is itself skipped', () => {
    document.body.innerHTML = '<div hidden id="root"><p>VPN</p></div>';
    const walk = new StoryWalk(
      document.getElementById('root') as Element,
      () => 0,
      () => true,
    );
    expect(walk.walk(Number.POSITIVE_INFINITY)).toBe(true);
    expect(walk.records).toHaveLength(1);
    expect(walk.matched).toEqual([]);
  });
});

describe('the texts it keeps for the scanner', () => {
  it("are the texts the matcher accepts, with its answers and each text's record", () => {
    document.body.innerHTML = '<p id="a">No mention</p><p id="b">A <em>VPN</em> here</p>';
    const walk = new StoryWalk<number>(
      document.body,
      () => 0,
      (text) => (text.includes('VPN') ? text.length : false),
    );
    walk.walk(Number.POSITIVE_INFINITY);
    expect(walk.matched.map((text) => text.data)).toEqual(['VPN']);
    expect(walk.found).toEqual([3]);
    // The em has no record: the text counts for the paragraph.
    expect(walk.matchedRecords.map((r) => r.element.id)).toEqual(['b']);
  });
});

describe('in slices', () => {
  const page = Array.from(
    { length: 200 },
    (_, i) =>
      `<div><p>Paragraph ${i}, with <a href="/${i}">a link</a>, and text.</p><span>VPN ${i}</span></div>`,
  ).join('');

  function summary(walk: StoryWalk): unknown {
    return {
      records: walk.records.map((r) => [
        r.tag,
        r.chars,
        r.linkChars,
        r.inlineCommas,
        r.parent?.index,
      ]),
      matched: walk.matched.map((text) => text.data),
    };
  }

  it('reads the same as in one go when stopped at every look at the clock', () => {
    const whole = summary(walked(page, (text) => text.includes('VPN')));
    let clock = 0;
    const walk = new StoryWalk(
      document.body,
      () => clock++,
      (text) => text.includes('VPN'),
    );
    let slices = 1;
    while (!walk.walk(clock + 1)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(summary(walk)).toEqual(whole);
  });

  it('starts again, reading the page as it is, when the node it stood on was removed', () => {
    document.body.innerHTML = `<div id="gone">${page}</div><p id="kept">The last VPN.</p>`;
    let clock = 0;
    const walk = new StoryWalk(
      document.body,
      () => clock++,
      (text) => text.includes('VPN'),
    );
    expect(walk.walk(clock + 1)).toBe(false);
    document.getElementById('gone')?.remove();
    while (!walk.walk(clock + 1));
    expect(names(walk)).toEqual(['body', 'p#kept']);
    expect(walk.matched.map((text) => text.data)).toEqual(['The last VPN.']);
  });

  it('asks nothing before the text it is told to start at, and everything if that text is gone', () => {
    document.body.innerHTML = '<p>VPN one</p><p id="from">VPN two</p><p>VPN three</p>';
    const from = document.getElementById('from')?.firstChild as Text;
    const asked: string[] = [];
    const ask = (text: string) => {
      asked.push(text);
      return true;
    };
    new StoryWalk(document.body, () => 0, ask, from).walk(Number.POSITIVE_INFINITY);
    expect(asked).toEqual(['VPN two', 'VPN three']);
    asked.length = 0;
    from.remove();
    new StoryWalk(document.body, () => 0, ask, from).walk(Number.POSITIVE_INFINITY);
    expect(asked).toEqual(['VPN one', 'VPN three']);
  });
});
