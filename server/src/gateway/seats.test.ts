import { describe, expect, it } from '@jest/globals';
import { RoleSeats } from './seats.js';

describe('RoleSeats', () => {
  it('gives the seat to the first page; a second page of the link is told it is occupied', () => {
    const seats = new RoleSeats();
    seats.arrive('s1', 'listener', 'a');
    expect(seats.claim('s1', 'listener', 'a', 'page-aaaa').seat).toEqual({ status: 'holder' });
    seats.arrive('s1', 'listener', 'b');
    expect(seats.claim('s1', 'listener', 'b', 'page-bbbb').seat).toEqual({ status: 'occupied' });
    expect(seats.mayAct('s1', 'listener', 'a')).toBe(true);
    expect(seats.mayAct('s1', 'listener', 'b')).toBe(false);
  });

  it('lets a page take the seat (naming the displaced socket) and give it back', () => {
    const seats = new RoleSeats();
    seats.arrive('s1', 'listener', 'a');
    seats.claim('s1', 'listener', 'a', 'page-aaaa');
    seats.arrive('s1', 'listener', 'b');
    expect(seats.take('s1', 'listener', 'b', 'page-bbbb')).toEqual({
      seat: { status: 'holder' },
      displaced: 'a',
    });
    expect(seats.mayAct('s1', 'listener', 'a')).toBe(false);
    expect(seats.take('s1', 'listener', 'a', 'page-aaaa').displaced).toBe('b');
    expect(seats.mayAct('s1', 'listener', 'a')).toBe(true);
  });

  it('hands the seat back to the same page after a reconnect the server had not noticed', () => {
    const seats = new RoleSeats();
    seats.arrive('s1', 'listener', 'a');
    seats.claim('s1', 'listener', 'a', 'page-aaaa');
    seats.arrive('s1', 'listener', 'a2');
    expect(seats.claim('s1', 'listener', 'a2', 'page-aaaa')).toEqual({
      seat: { status: 'holder' },
      displaced: 'a',
    });
    expect(seats.mayAct('s1', 'listener', 'a')).toBe(false);
  });

  it('frees the seat when its holder leaves or follows; other roles and sessions are unseated', () => {
    const seats = new RoleSeats();
    seats.arrive('s1', 'listener', 'a');
    seats.arrive('s1', 'listener', 'b');
    seats.leave('s1', 'listener', 'a');
    expect(seats.size).toBe(0);
    expect(seats.claim('s1', 'listener', 'b', 'page-bbbb').seat).toEqual({ status: 'holder' });
    expect(seats.follow('s1', 'listener', 'b')).toEqual({ status: 'reader' });
    expect(seats.mayAct('s1', 'listener', 'b')).toBe(false);
    seats.arrive('s1', 'trainer', 't1');
    seats.arrive('s1', 'trainer', 't2');
    expect(seats.mayAct('s1', 'trainer', 't2')).toBe(true);
    seats.arrive('s2', 'listener', 'c');
    expect(seats.mayAct('s2', 'listener', 'c')).toBe(true);
  });
});
