// Session time (ms) as a clock reading: `m:ss`, or `h:mm:ss` past an hour. One rule with the
// server's early drawing of the debrief's lanes (its ruler): `@ecoute/engine`'s lanes geometry.
export { formatDuration } from '@ecoute/engine';
