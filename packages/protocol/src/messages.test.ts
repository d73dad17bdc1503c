import { describe, expect, it } from '@jest/globals';
import { ErrorCode, errorMessages, failure } from './errors.js';
import { MAX_TEXT_LENGTH } from './constants.js';
import { createSessionSchema, handshakeAuthSchema, inputSchema, mayRoleSend } from './messages.js';
import { debriefLinkOf, roleLinkOf, roleLinkPath } from './rest.js';

describe('inputSchema', () => {
  it('accepts every input kind in its exact shape', () => {
    for (const input of [
      { kind: 'pickup' },
      { kind: 'move', move: 'se_presenter' },
      { kind: 'say', text: 'Bonjour, je vous écoute.' },
      { kind: 'hangup' },
      { kind: 'inject', inject: 'sonnette' },
      { kind: 'pause' },
      { kind: 'resume' },
      { kind: 'end' },
    ]) {
      expect(inputSchema.parse(input)).toEqual(input);
    }
  });

  it('refuses unknown kinds, extra fields, bad ids and oversized or empty text', () => {
    for (const bad of [
      null,
      'pickup',
      { kind: 'fly' },
      { kind: 'pickup', role: 'trainer' },
      { kind: 'move', move: 'Se Présenter' },
      { kind: 'move', move: '' },
      { kind: 'say', text: '   ' },
      { kind: 'say', text: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
      { kind: 'inject' },
    ]) {
      expect(inputSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('roles', () => {
  it('lets the listener act on the call and the trainer steer it; observers only watch', () => {
    expect(mayRoleSend('listener', 'move')).toBe(true);
    expect(mayRoleSend('listener', 'inject')).toBe(false);
    expect(mayRoleSend('trainer', 'inject')).toBe(true);
    expect(mayRoleSend('trainer', 'move')).toBe(false);
    for (const kind of ['pickup', 'move', 'say', 'hangup', 'inject', 'pause', 'resume', 'end'] as const) {
      expect(mayRoleSend('observer', kind)).toBe(false);
    }
  });

  it('gives the live inputs to their roles; the caller actor speaks and triggers injects', () => {
    expect(mayRoleSend('callerActor', 'speak')).toBe(true);
    expect(mayRoleSend('callerActor', 'inject')).toBe(true);
    expect(mayRoleSend('callerActor', 'move')).toBe(false);
    for (const kind of ['hold', 'unhold', 'note'] as const) expect(mayRoleSend('listener', kind)).toBe(true);
    for (const kind of ['whisper', 'adlib', 'effect', 'bookmark', 'projector'] as const) {
      expect(mayRoleSend('trainer', kind)).toBe(true);
      expect(mayRoleSend('listener', kind)).toBe(false);
    }
    for (const role of ['listener', 'trainer', 'observer', 'callerActor'] as const)
      expect(mayRoleSend(role, 'join')).toBe(true);
    expect(createSessionSchema.parse({ scenarioId: 'a', callerActor: true })).toEqual({
      scenarioId: 'a',
      callerActor: true,
    });
  });
});

describe('handshake and REST', () => {
  it('requires session, token and protocol version', () => {
    expect(handshakeAuthSchema.safeParse({ sessionId: 'a', token: 'b', protocolVersion: 1 }).success).toBe(
      true,
    );
    expect(handshakeAuthSchema.safeParse({ sessionId: 'a', token: 'b' }).success).toBe(false);
    expect(createSessionSchema.safeParse({ scenarioId: 'appel-entrainement' }).success).toBe(true);
    expect(createSessionSchema.safeParse({ scenarioId: 'appel-entrainement', admin: true }).success).toBe(
      false,
    );
  });

  it('puts the token in the fragment of the role link', () => {
    expect(roleLinkPath('listener', 'abc', 'T0k-en_')).toBe('/ecoute/abc#k=T0k-en_');
    expect(roleLinkPath('callerActor', 'a b', 'x')).toBe('/appelant/a%20b#k=x');
    expect(roleLinkOf(roleLinkPath('callerActor', 'a b', 'x'))).toEqual({
      role: 'callerActor',
      sessionId: 'a b',
    });
    expect(roleLinkOf('/observation/s1#k=t')).toEqual({ role: 'observer', sessionId: 's1' });
    // A link made before the links' words: the role's name in code.
    expect(roleLinkOf('/listener/s1#k=t')).toEqual({ role: 'listener', sessionId: 's1' });
    for (const other of ['/debrief/s1#k=t', '/ecoute/', '/ecoute/%E0#k=t', 'ecoute'])
      expect(roleLinkOf(other)).toBeNull();
  });

  it('makes the debrief link of a role link with its token (the classroom gives it to a listener)', () => {
    expect(debriefLinkOf(roleLinkPath('listener', 'a b', 'T0k-en_'))).toBe('/debrief/a%20b#k=T0k-en_');
    for (const other of ['/debrief/s1#k=t', '/ecoute/s1', '/ecoute/s1#x=t', 'ecoute'])
      expect(debriefLinkOf(other)).toBeNull();
  });
});

describe('errors', () => {
  it('has a French message for every code', () => {
    for (const code of Object.values(ErrorCode)) expect(errorMessages[code].length).toBeGreaterThan(5);
    expect(failure(ErrorCode.SessionNotFound)).toEqual({
      ok: false,
      code: 'session/not_found',
      message: 'Séance introuvable.',
    });
  });
});
