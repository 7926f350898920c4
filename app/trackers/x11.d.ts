// The `x11` package ships no types. This declares only the part idle-x11.ts uses: connect, the root window,
// the MIT-SCREEN-SAVER extension's QueryInfo, and the connection's error/end events.
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

  export interface X11Client {
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
