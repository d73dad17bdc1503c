/** A voice for `lang` ('fr-FR'): the same language and region first, then any French voice. */
export function pickVoice(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
): SpeechSynthesisVoice | undefined {
  const norm = (value: string) => value.replace('_', '-').toLowerCase();
  const wanted = norm(lang);
  const french = voices.filter((voice) => norm(voice.lang).startsWith('fr'));
  return (
    french.find((voice) => norm(voice.lang) === wanted) ??
    french.find((voice) => norm(voice.lang).startsWith(wanted.slice(0, 2))) ??
    french[0]
  );
}
