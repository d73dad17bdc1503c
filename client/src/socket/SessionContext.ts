import { createContext } from 'react';
import type { Session } from './Session.js';

/** The session of the page's role: provided by `RoleRoute` (socket) or by a test (fake). */
export const SessionContext = createContext<Session | null>(null);
