import { afterEach, describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { STORED_SWITCHES, useStoredSwitch } from './useStoredSwitch.js';

afterEach(() => window.localStorage.clear());

describe('useStoredSwitch', () => {
  it("is the page's default until the person chooses, then their choice on every page reading the key", () => {
    const listener = renderHook(() => useStoredSwitch(STORED_SWITCHES.callerVoice, true));
    expect(listener.result.current[0]).toBe(true);
    expect(window.localStorage.getItem(STORED_SWITCHES.callerVoice)).toBeNull();
    act(() => listener.result.current[1]((on) => !on));
    expect(listener.result.current[0]).toBe(false);
    // The debrief reads the listener's choice; the observer's page keeps its own.
    expect(renderHook(() => useStoredSwitch(STORED_SWITCHES.callerVoice, true)).result.current[0]).toBe(
      false,
    );
    const observer = renderHook(() => useStoredSwitch(STORED_SWITCHES.observerVoice, false));
    expect(observer.result.current[0]).toBe(false);
    act(() => observer.result.current[1](true));
    expect(renderHook(() => useStoredSwitch(STORED_SWITCHES.observerVoice, false)).result.current[0]).toBe(
      true,
    );
    expect(renderHook(() => useStoredSwitch(STORED_SWITCHES.callerVoice, true)).result.current[0]).toBe(
      false,
    );
  });

  it('takes the default for a value it did not write', () => {
    window.localStorage.setItem(STORED_SWITCHES.phoneSounds, 'maybe');
    expect(renderHook(() => useStoredSwitch(STORED_SWITCHES.phoneSounds, true)).result.current[0]).toBe(true);
  });

  it('holds the choice for the page when the browser refuses storage', () => {
    const storage = Object.getPrototypeOf(window.localStorage) as Storage;
    const { getItem, setItem } = storage;
    storage.getItem = () => {
      throw new Error('SecurityError');
    };
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    try {
      const hook = renderHook(() => useStoredSwitch(STORED_SWITCHES.announceDetails, false));
      expect(hook.result.current[0]).toBe(false);
      act(() => hook.result.current[1](true));
      expect(hook.result.current[0]).toBe(true);
    } finally {
      storage.getItem = getItem;
      storage.setItem = setItem;
    }
  });
});
