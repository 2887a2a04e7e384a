/** Slash-command text arrives escaped (the manifest's should_escape): commandText undoes it. */
import { describe, expect, it } from 'vitest';
import { commandText } from '../../../src/adapters/slack/mrkdwn.js';

describe('commandText', () => {
  it('turns <url> and <url|label> back into the URL and undoes the entities in it', () => {
    expect(commandText('<https://example.com/a?x=1&amp;y=2>')).toBe('https://example.com/a?x=1&y=2');
    expect(commandText('<https://example.com/a|example.com/a> please')).toBe('https://example.com/a please');
  });
  it('keeps channel and user references for the settings, and undoes &amp; &lt; &gt; in words', () => {
    expect(commandText('settings digest <#C123ABC|news> weekly')).toBe(
      'settings digest <#C123ABC|news> weekly',
    );
    expect(commandText('Tom &amp; Jerry &lt;b&gt;')).toBe('Tom & Jerry <b>');
  });
  it('leaves text that was never escaped as it is', () => {
    expect(commandText('nato-peacekeeping-centre')).toBe('nato-peacekeeping-centre');
    expect(commandText('https://example.com/plain')).toBe('https://example.com/plain');
  });
});
