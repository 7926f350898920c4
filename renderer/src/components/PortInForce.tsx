import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../app/shared/api/index.ts';
import { api } from '../lib/api.ts';
import { describePort } from '../lib/tracking.ts';

/**
 * The port the API answers on now and where it comes from, under the saved one: `serve --port` or
 * $TIMEAUDIT_PORT run elsewhere than the settings say, and the user must know which one the extension needs.
 */
export function PortInForce({ savedPort }: { savedPort: number }) {
  const [running, setRunning] = useState<AppStatus['api'] | null>(null);
  useEffect(() => {
    let live = true;
    api.status({}).then(
      (status) => live && setRunning(status.api),
      () => live && setRunning(null),
    );
    return () => {
      live = false;
    };
  }, [savedPort]);
  if (running === null) return null;
  const overridden = running.port_source === 'flag' || running.port_source === 'environment';
  return (
    <p className="small muted port-in-force" data-testid="port-in-force">
      Running now: {describePort(running).replace(/^Port/, 'port')}.
      {overridden && running.port !== savedPort
        ? ` Started without ${running.port_source === 'flag' ? '--port' : '$TIMEAUDIT_PORT'}, Time Audit uses port ${savedPort}.`
        : null}
    </p>
  );
}
