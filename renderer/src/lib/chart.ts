/** chart.js, with only the parts the dashboard draws registered (the bundle stays small). */
import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip);
// The same stack as --font in styles/base.css.
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif';
Chart.defaults.font.size = 12;
(Chart.defaults.animation as { duration: number }).duration = 250;

export { Chart };
