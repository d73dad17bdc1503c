import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { PushToTalk } from './PushToTalk.js';
import type { RecognitionEventLike, RecognitionLike } from './useSpeechRecognition.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

/** A stand-in for the browser's recognition: the test says what was heard. */
class FakeRecognition implements RecognitionLike {
  static last: FakeRecognition | undefined;
  lang = '';
  continuous = false;
  interimResults = false;
  started = false;
  onresult: ((event: RecognitionEventLike) => void) | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor() {
    FakeRecognition.last = this;
  }
  start(): void {
    this.started = true;
  }
  stop(): void {
    this.started = false;
    this.onend?.();
  }
  abort(): void {
    this.stop();
  }
  hear(text: string, isFinal: boolean): void {
    this.onresult?.({ resultIndex: 0, results: [{ isFinal, 0: { transcript: text } }] });
  }
}

describe('PushToTalk', () => {
  it('says the final sentence heard, in French, while the key is held', () => {
    const said: string[] = [];
    renderWithSession(
      <PushToTalk disabled={false} onSay={(text) => said.push(text)} create={FakeRecognition} />,
    );
    act(() => {
      fireEvent.keyDown(window, { code: 'KeyE', key: 'e', altKey: true });
    });
    const recognition = FakeRecognition.last!;
    expect(recognition.started).toBe(true);
    expect(recognition.lang).toBe('fr-FR');
    act(() => recognition.hear('je vous', false));
    expect(screen.getByRole('status').textContent).toBe(fr('speech.talk.listening', { heard: 'je vous' }));
    act(() => recognition.hear('Je vous écoute', true));
    act(() => {
      fireEvent.keyUp(window, { code: 'KeyE', key: 'e', altKey: true });
    });
    expect(recognition.started).toBe(false);
    expect(said).toEqual(['Je vous écoute']);
  });

  it('toggles with its button, and says so when the browser cannot recognise speech', () => {
    renderWithSession(<PushToTalk disabled={false} onSay={() => undefined} create={FakeRecognition} />);
    const button = screen.getByRole('button', { name: fr('speech.talk.start') });
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: fr('speech.talk.stop') }));
    expect(FakeRecognition.last!.started).toBe(false);
  });

  it('offers typing only where there is no recognition', () => {
    renderWithSession(<PushToTalk disabled={false} onSay={() => undefined} create={undefined} />);
    expect(screen.getByText(plain(fr('speech.talk.unavailable')))).not.toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
