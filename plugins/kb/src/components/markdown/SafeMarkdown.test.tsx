import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { SafeMarkdown } from './SafeMarkdown';
import { safeUrl, LINK_SCHEMES } from './safeUrl';

/** What an attacker (or a careless paste) might put in an article. */
const PAYLOADS = [
  '<script>window.xss = 1</script>',
  '<img src="x" onerror="window.xss = 1">',
  '<svg onload="window.xss = 1"><circle r="1"/></svg>',
  '[click](javascript:window.xss=1)',
  '[click](JaVaScRiPt:window.xss=1)',
  '[click](java\tscript:window.xss=1)',
  '[click](&#106;avascript:window.xss=1)',
  '[click](javascript&#58;window.xss=1)',
  '[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cueHNzPTE8L3NjcmlwdD4=)',
  '![img](javascript:window.xss=1)',
  '<a href="javascript:window.xss=1">raw link</a>',
  '<iframe src="javascript:window.xss=1"></iframe>',
  '<div style="background:url(javascript:window.xss=1)">styled</div>',
  '[vb](vbscript:msgbox(1))',
];

describe('safe markdown', () => {
  it('renders every payload inert: no script, no handler, no unsafe URL', () => {
    const { container } = render(
      <MemoryRouter>
        <SafeMarkdown>{PAYLOADS.join('\n\n')}</SafeMarkdown>
      </MemoryRouter>,
    );
    expect(container.querySelectorAll('script, iframe, svg, img[onerror], style')).toHaveLength(0);
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        expect([element.tagName, attribute]).not.toEqual([element.tagName, expect.stringMatching(/^on/i)]);
      }
    }
    expect(container.querySelectorAll('[href=""], [src=""]')).toHaveLength(0);
    for (const element of container.querySelectorAll('[href], [src]')) {
      const url = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
      expect(url).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
    // Raw HTML is dropped; only its text stays.
    expect(container.textContent).toContain('raw link');
    expect(container.textContent).not.toContain('window.xss = 1');
  });

  it('keeps markdown itself: steps, tables, safe links', () => {
    const { container, getByText } = render(
      <MemoryRouter>
        <SafeMarkdown>
          {'1. 打开前盖\n2. 取出纸张\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[说明](https://example.org/manual) [工单](/tickets/INC-2026-00001) [邮件](mailto:desk@court.example)'}
        </SafeMarkdown>
      </MemoryRouter>,
    );
    expect(container.querySelectorAll('ol li')).toHaveLength(2);
    expect(container.querySelector('table')).not.toBeNull();
    expect(getByText('说明').closest('a')).toHaveAttribute('href', 'https://example.org/manual');
    expect(getByText('工单').closest('a')).toHaveAttribute('href', '/tickets/INC-2026-00001');
    expect(getByText('邮件').closest('a')).toHaveAttribute('href', 'mailto:desk@court.example');
  });

  it.each([
    // eslint-disable-next-line no-script-url -- a script URL is what this test refuses
    ['javascript:alert(1)', ''],
    [' javascript:alert(1)', ''],
    ['java\nscript:alert(1)', ''],
    ['\u0001javascript:alert(1)', ''],
    ['data:text/html,x', ''],
    ['file:///etc/passwd', ''],
    ['/\\evil.example', ''],
    ['https://example.org', 'https://example.org'],
    ['#steps', '#steps'],
    ['../runbooks', '../runbooks'],
  ])('keeps %j as %j', (url, expected) => {
    expect(safeUrl(url, LINK_SCHEMES)).toBe(expected);
  });
});
