import { useCallback, useEffect, useState } from 'react';
import type { Suggestion } from '../../../app/shared/planning.ts';
import type { ImportSummary } from '../../../app/shared/api/data-import.ts';
import { useActions, ActionsContext } from '../hooks/useActions.ts';
import { useDashboardData } from '../hooks/useDashboardData.ts';
import { useNotices } from '../hooks/useNotices.ts';
import { usePause } from '../hooks/usePause.ts';
import { usePlanningActions } from '../hooks/usePlanningActions.ts';
import { useSettings } from '../hooks/useSettings.ts';
import { ConnectionError, describeError, isPreparing, isUnauthorized } from '../lib/api.ts';
import { browserTimeZone } from '../lib/clock.ts';
import {
  dayOf,
  formatRange,
  dayCount,
  presetOf,
  presetRange,
  PRESETS,
  sameRange,
  type DayRange,
  type Preset,
} from '../lib/ranges.ts';
import { AllocationSection } from './AllocationSection.tsx';
import { DataSection } from './DataSection.tsx';
import { DayOfWeekSection } from './DayOfWeekSection.tsx';
import { EmptyState } from './EmptyState.tsx';
import { GoalsSection } from './GoalsSection.tsx';
import { CategoriesSection } from './CategoriesSection.tsx';
import { Header } from './Header.tsx';
import { PauseControl } from './PauseControl.tsx';
import { StaleMarker, TrackingState } from './TrackingState.tsx';
import { useAppStatus } from '../hooks/useAppStatus.ts';
import { DisconnectedBanner, Notices } from './Notices.tsx';
import { LogTimeSection } from './LogTimeSection.tsx';
import { RangePicker, type Selection } from './RangePicker.tsx';
import { RulesSection } from './RulesSection.tsx';
import { ScoreTrendSection } from './ScoreTrendSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { SyncSection } from './SyncSection.tsx';
import { useSync } from '../hooks/useSync.ts';
import { PurgeDialog } from './PurgeDialog.tsx';
import { usePurgeRequest } from '../hooks/usePurge.ts';
import { ShrinkageSection } from './ShrinkageSection.tsx';
import { Skeleton } from './Skeleton.tsx';
import { SuggestionsSection } from './SuggestionsSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { TimeOfDaySection } from './TimeOfDaySection.tsx';
import { TopActivitiesSection } from './TopActivitiesSection.tsx';

const PRESET_KEY = 'timeaudit.preset';
const DEFAULT_PRESET: Preset = 'last-7';
const RETRY_MS = 5000;
/** How soon a range being prepared is asked for again (the app's Retry-After). */
const PREPARING_RETRY_MS = 2000;
/** A range that includes today is loaded again this often while the page is visible: tracking goes on. */
const LIVE_MS = 60_000;
const NO_SUGGESTIONS: Suggestion[] = [];

function savedPreset(): Preset {
  const saved = window.localStorage.getItem(PRESET_KEY);
  return PRESETS.find((p) => p === saved) ?? DEFAULT_PRESET;
}

function initialSelection(): Selection {
  const preset = savedPreset();
  return { range: presetRange(preset, dayOf(new Date())), preset };
}

/** The whole page for one range; every view comes from the same loaded data. */
export function Dashboard({ onUnauthorized }: { onUnauthorized: () => void }) {
  const [tz] = useState(browserTimeZone);
  const [selection, setSelection] = useState(initialSelection);
  const { data, loading, error, dayLoading, selectDay, reload } = useDashboardData(selection.range, tz);
  const { notices, notify, dismiss } = useNotices();
  const pause = usePause(useCallback((text: string) => notify('error', text), [notify]));
  const suggestions = data?.planning.suggestions.ok ? data.planning.suggestions.value : NO_SUGGESTIONS;
  const purge = usePurgeRequest();
  const actions = useActions(data?.categories ?? [], suggestions, reload, notify, purge.ask);
  const planningActions = usePlanningActions(reload, notify);
  const settings = useSettings(notify);
  const appStatus = useAppStatus(pause.status);
  const sync = useSync(notify);
  const today = dayOf(new Date());

  const unauthorized = isUnauthorized(error);
  const disconnected = error instanceof ConnectionError;
  const preparing = isPreparing(error);
  const unreachable = appStatus.unreachable || disconnected;
  useEffect(() => {
    if (unauthorized) onUnauthorized();
  }, [unauthorized, onUnauthorized]);
  useEffect(() => {
    if (!preparing) return;
    const timer = setTimeout(() => void reload(), PREPARING_RETRY_MS);
    return () => clearTimeout(timer);
  }, [preparing, error, reload]);
  useEffect(() => {
    if (!disconnected) return;
    const timer = setInterval(() => void reload(), RETRY_MS);
    return () => clearInterval(timer);
  }, [disconnected, reload]);

  const live = selection.range.end >= today && selection.range.start <= today;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, LIVE_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  const retry = () => void reload();
  const [lastImport, setLastImport] = useState<ImportSummary | null>(null);
  const imported = (summary: ImportSummary | null) => {
    setLastImport(summary);
    if (summary !== null) retry();
  };

  const choosePreset = (preset: Preset) => {
    window.localStorage.setItem(PRESET_KEY, preset);
    setSelection({ range: presetRange(preset, today), preset });
  };
  // Stepping back to the range of the preset last chosen (or any preset's) lights its button again.
  const changeRange = (range: DayRange) => {
    const last = savedPreset();
    setSelection({
      range,
      preset: sameRange(presetRange(last, today), range) ? last : presetOf(range, today),
    });
  };

  // While another range loads, the last one stays on screen; its captions name the range it is for.
  const shown = data && !unauthorized ? data : null;
  const rangeText = shown ? formatRange(shown.range) : '';
  const otherError = error && !disconnected && !unauthorized && !preparing ? describeError(error) : null;
  // The range asked for could not be loaded and the last one's figures are still on screen: say so.
  const stale = shown !== null && error !== null && !preparing && !sameRange(shown.range, selection.range);

  return (
    <div className="app">
      {/* The first tab stop: past the header's ranges and controls, straight to the figures. */}
      <a className="skip-link" href="#figures">
        Skip to the figures
      </a>
      <Header
        status={
          <>
            {loading && data ? (
              <span className="updating" role="status">
                Updating…
              </span>
            ) : null}
            <TrackingState state={{ ...appStatus, unreachable }} />
            {/* An app that does not answer cannot be paused: no menu that would only fail. */}
            {unreachable ? null : <PauseControl pause={pause} showState={false} />}
          </>
        }
      >
        <RangePicker selection={selection} today={today} onChange={changeRange} onPreset={choosePreset} />
      </Header>
      {disconnected ? <DisconnectedBanner onRetry={() => void reload()} /> : null}
      {preparing ? (
        <div className="banner" role="status">
          {/* "The reports of … are being prepared (42% done)", without the API's "ask again" */}
          {describeError(error).split(';')[0]}. This page updates by itself.
        </div>
      ) : null}
      {otherError ? (
        <div className="banner banner-error" role="alert">
          {otherError}
        </div>
      ) : null}
      {stale ? <StaleMarker shown={shown.range} asked={selection.range} /> : null}
      <main
        id="figures"
        tabIndex={-1}
        className={stale ? 'is-stale' : loading && shown ? 'is-loading' : undefined}
        aria-busy={loading}
      >
        {!shown ? (
          loading ? (
            <>
              <p className="loading-line" role="status">
                Loading…
              </p>
              <Skeleton />
            </>
          ) : null
        ) : shown.report.total_ms === 0 ? (
          <ActionsContext value={actions}>
            <EmptyState rangeText={rangeText} />
            {/* Time away from the computer can be logged for any range, tracked or not. */}
            <LogTimeSection
              entries={shown.planning.entries}
              range={shown.range}
              rangeText={rangeText}
              actions={planningActions}
              onRetry={retry}
              className="empty-state-extra"
            />
            {/* What is never recorded can be set before anything is. */}
            <SettingsSection state={settings} className="empty-state-extra" />
            {/* History can be brought in before anything is tracked. */}
            <DataSection
              range={shown.range}
              rangeText={rangeText}
              tz={tz}
              lastImport={lastImport}
              onImported={imported}
              className="empty-state-extra"
            />
          </ActionsContext>
        ) : (
          <ActionsContext value={actions}>
            <div className="grid">
              <AllocationSection report={shown.report} previous={shown.previous} />
              <TimeOfDaySection report={shown.report} range={shown.range} />
              <GoalsSection goals={shown.planning.goals} actions={planningActions} onRetry={retry} />
              {/* One day has no trend and one weekday: both cards show only from two days on. */}
              {dayCount(shown.range) > 1 ? (
                <>
                  <ScoreTrendSection report={shown.report} />
                  <DayOfWeekSection report={shown.report} range={shown.range} />
                </>
              ) : null}
              <ShrinkageSection report={shown.report} rangeText={rangeText} />
              <TopActivitiesSection report={shown.report} rangeText={rangeText} />
              <TimelineSection
                timeline={shown.timeline}
                range={shown.range}
                loadingDay={dayLoading}
                onSelectDay={(day) => {
                  selectDay(day).catch((failure: unknown) =>
                    notify('error', `Could not load ${day}: ${describeError(failure)}`),
                  );
                }}
              />
              <LogTimeSection
                entries={shown.planning.entries}
                range={shown.range}
                rangeText={rangeText}
                actions={planningActions}
                onRetry={retry}
              />
              <SuggestionsSection
                suggestions={shown.planning.suggestions}
                onRetry={retry}
                className="span-5"
              />
              <RulesSection
                rules={shown.planning.rules}
                actions={planningActions}
                onRetry={retry}
                className="span-7"
                range={shown.range}
              />
              <CategoriesSection
                categories={shown.categories}
                reload={reload}
                notify={notify}
                className="span-12"
              />
              <SettingsSection state={settings} className="span-12" />
              <SyncSection state={sync} className="span-12" />
              <DataSection
                range={shown.range}
                rangeText={rangeText}
                tz={tz}
                lastImport={lastImport}
                onImported={imported}
                className="span-12"
              />
            </div>
          </ActionsContext>
        )}
      </main>
      {purge.request ? (
        <PurgeDialog request={purge.request} onClose={purge.close} reload={reload} notify={notify} />
      ) : null}
      <footer className="app-footer">Times in {tz}. Everything stays on this machine.</footer>
      <Notices notices={notices} onDismiss={dismiss} />
    </div>
  );
}
