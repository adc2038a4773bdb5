/**
 * The checking engine on the pane's own thread, loaded lazily (its own chunk).
 * The pane normally checks in engine.worker.ts and uses this only when the
 * worker cannot run (no Worker, or it failed to start); the ribbon command
 * (src/commands) uses it directly.
 */
export { analyze, type Analysis } from './analysis';
