import type { IdleEvent, WindowEvent } from '../shared/events.ts';

/**
 * Where the tracker puts its events. Saving an eventId that was saved before REPLACES the earlier version: the
 * tracker re-saves the open event with a later endMs as a checkpoint, and may shorten it once it learns that
 * input had stopped earlier (idle trimming). Every call gets a fresh object, so a sink may keep it as is.
 */
export interface TrackerSink {
  saveWindow(e: WindowEvent): void;
  saveIdle(e: IdleEvent): void;
}
