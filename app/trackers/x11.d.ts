// The `x11` package ships no types. This declares only the part the trackers use: connect, the root window,
// the MIT-SCREEN-SAVER extension's QueryInfo (idle-x11.ts), atoms, properties and their change events
// (window-x11.ts), and the connection's error/end events.
declare module 'x11' {
  export interface X11Screen {
    root: number;
  }

  export interface X11Display {
    screen: X11Screen[];
  }

  /** QueryInfo's reply. `idle` is milliseconds since the last input; `state` is one of ScreenSaverExt.State. */
  export interface ScreenSaverInfo {
    state: number;
    window: number;
    until: number;
    idle: number;
    eventMask: number;
    kind: number;
  }

  export interface ScreenSaverExt {
    State: { Off: 0; On: 1; Cycle: 2; Disabled: 3 };
    Kind: { Blanked: 0; Internal: 1; External: 2 };
    // Returning true from an error callback marks the error handled; otherwise the client also emits 'error'.
    QueryInfo(drawable: number, callback: (err: Error | null, info: ScreenSaverInfo) => boolean | void): void;
  }

  /** GetProperty's reply: `type` 0 means the window has no such property (of the type asked for). */
  export interface X11Property {
    type: number;
    format: number;
    bytesAfter: number;
    data: Buffer;
  }

  /** An event as the client parses it; PropertyNotify (type 28) carries `wid` and `atom`. */
  export interface X11Event {
    type: number;
    name?: string;
    wid?: number;
    atom?: number;
  }

  export interface X11Client {
    InternAtom(
      onlyIfExists: boolean,
      name: string,
      callback: (err: Error | null, atom: number) => boolean | void,
    ): void;
    GetProperty(
      del: 0 | 1,
      wid: number,
      property: number,
      type: number,
      longOffset: number,
      longLength: number,
      callback: (err: Error | null, prop: X11Property) => boolean | void,
    ): void;
    ChangeWindowAttributes(wid: number, values: { eventMask?: number }): void;
    /** Core request, used by tests to set a window's title or the root's _NET_ACTIVE_WINDOW. */
    ChangeProperty(
      mode: 0 | 1 | 2,
      wid: number,
      property: number,
      type: number,
      units: 8 | 16 | 32,
      data: Buffer | number[] | string,
    ): void;
    on(event: 'event', listener: (ev: X11Event) => void): this;
    require(ext: 'screen-saver', callback: (err: Error | null, ext: ScreenSaverExt) => void): void;
    /** Core request: activate (true) or reset (false) the screen saver. Used by tests. */
    ForceScreenSaver(activate: boolean): void;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'end', listener: () => void): this;
    terminate(): void;
  }

  export interface CreateClientOptions {
    display?: string;
    /** false: a plain socket, no fd passing (we need no MIT-SHM). */
    shm?: boolean;
  }

  export interface X11Module {
    createClient(
      options: CreateClientOptions,
      callback: (err: Error | undefined, display: X11Display) => void,
    ): X11Client;
  }

  const x11: X11Module;
  export default x11;
}
