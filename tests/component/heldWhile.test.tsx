// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useHeldWhile } from '../../src/timeline/components/useGestureLayout';

describe('useHeldWhile: what the hidden marks are given during a gesture', () => {
  it('keeps the value it had when the hold began, and follows again once it ends', () => {
    const { result, rerender } = renderHook(({ value, hold }) => useHeldWhile(value, hold), { initialProps: { value: 400, hold: false } });
    expect(result.current).toBe(400);
    rerender({ value: 420, hold: false });
    expect(result.current).toBe(420);
    // Each frame of a gesture changes the plot's height; the hidden marks keep theirs.
    rerender({ value: 380, hold: true });
    expect(result.current).toBe(420);
    rerender({ value: 500, hold: true });
    expect(result.current).toBe(420);
    rerender({ value: 510, hold: false });
    expect(result.current).toBe(510);
  });
});
