/**
 * Desktop notifications for goals: each tray refresh hands the goals' progress here; goal-alerts.ts decides
 * which just crossed, and this only shows them. Clicking one opens the dashboard.
 */
import { Notification } from 'electron';
import { goalAlerts, initialGoalAlertState, type GoalAlertState } from '../core/desktop/goal-alerts.ts';
import type { GoalProgress } from '../shared/planning.ts';

export class GoalNotifier {
  private state: GoalAlertState = initialGoalAlertState;
  private readonly onClick: () => void;

  constructor(onClick: () => void) {
    this.onClick = onClick;
  }

  check(goals: readonly GoalProgress[]): void {
    const { alerts, state } = goalAlerts(this.state, goals, { met: true });
    this.state = state;
    if (alerts.length === 0 || !Notification.isSupported()) return;
    for (const alert of alerts) {
      const notification = new Notification({ title: alert.title, body: alert.body });
      notification.on('click', this.onClick);
      notification.show();
    }
  }
}
