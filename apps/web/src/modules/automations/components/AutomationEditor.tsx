import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import type { AutomationFieldsFragment, PipelineFieldsFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { AlertIcon, CloseIcon } from '../../../ui/icons';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useAutomationMutations, type useEditorOptions } from '../hooks/useAutomations';
import { useUnsavedChangesGuard } from '../hooks/useUnsavedChangesGuard';
import { describeAction, describeTiming, describeTrigger, stateTone, templateName } from '../utils/describe';
import {
  clientProblems,
  fromAutomation,
  mergeProblems,
  sameState,
  serverProblems,
  toInput,
  type EditorProblem,
  type EditorState,
  type EditorStep,
} from '../utils/editorState';
import { automationsPath } from './AutomationsPage';
import { RunsPanel } from './RunsPanel';
import { PauseIcon, PlayIcon } from './StepIcon';
import { StepSequence, type StepView } from './StepSequence';
import { StepSettings } from './StepSettings';
import { TriggerPanel } from './TriggerPanel';

type Options = ReturnType<typeof useEditorOptions>;

interface AutomationEditorProps {
  automation: AutomationFieldsFragment;
  pipeline: PipelineFieldsFragment;
  options: Options;
}

/** The editor: header with state and actions, trigger and options, the step sequence with its palette, and the runs. */
export function AutomationEditor({ automation, pipeline, options }: AutomationEditorProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<EditorState>(() => fromAutomation(automation));
  const [state, setState] = useState<EditorState>(saved);
  const [server, setServer] = useState<EditorProblem[]>(() => serverProblems(automation.problems, saved.steps));
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [tab, setTab] = useState<'steps' | 'runs'>('steps');
  const [blocked, setBlocked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const mutations = useAutomationMutations();
  const dirty = !sameState(state, saved);
  const guard = useUnsavedChangesGuard(dirty);
  const automationState = automation.state;
  const draft = automationState === 'DRAFT';
  const readOnly = automationState === 'DONE';

  const context = useMemo(
    () => ({
      statusIds: new Set(pipeline.statuses.filter((status) => !status.archivedAt).map((status) => status.id)),
      viewIds: new Set(options.views.map((view) => view.id)),
      emailTemplateIds: new Set(options.emailTemplates.map((template) => template.id)),
      todoTemplateIds: new Set(options.todoTemplates.map((template) => template.id)),
      userIds: new Set(options.users.map((user) => user.id)),
    }),
    [pipeline, options.views, options.emailTemplates, options.todoTemplates, options.users],
  );
  const problems = useMemo(() => mergeProblems(clientProblems(state, context), server), [state, context, server]);
  const messageOf = (problem: EditorProblem) =>
    t(`automations.problems.${problem.messageKey}`, { defaultValue: problem.fallback ?? problem.field });

  const names = { emailTemplates: options.emailTemplates, todoTemplates: options.todoTemplates, users: options.users };
  const views: Record<string, StepView> = {};
  for (const step of state.steps) {
    views[step.key] = {
      step,
      timing: describeTiming(step, t),
      action: describeAction(step, names, t),
      template: templateName(step, names),
      problems: problems.filter((p) => p.stepKey === step.key).map((p) => ({ field: p.field, message: messageOf(p) })),
    };
  }
  const selectedIndex = state.steps.findIndex((step) => step.key === selectedKey);
  const selected = selectedIndex >= 0 ? state.steps[selectedIndex] : undefined;
  const triggerLabel = describeTrigger(state, pipeline, options.views, t);

  const change = (patch: Partial<EditorState>) => {
    setState((current) => ({ ...current, ...patch }));
    setNotice(null);
    if ('triggerStatusId' in patch || 'triggerViewId' in patch || 'triggerKind' in patch || 'name' in patch) {
      setServer((current) => current.filter((p) => p.stepKey !== null || p.field === 'steps'));
    }
    const { steps } = patch;
    if (steps) {
      const keys = new Set(steps.map((step) => step.key));
      setServer((current) => current.filter((p) => p.field !== 'steps' && (p.stepKey === null || keys.has(p.stepKey))));
    }
  };
  const changeStep = (key: string, patch: Partial<EditorStep>) => {
    setState((current) => ({ ...current, steps: current.steps.map((step) => (step.key === key ? { ...step, ...patch } : step)) }));
    setServer((current) => current.filter((p) => p.stepKey !== key));
    setNotice(null);
  };

  const applySaved = (result: AutomationFieldsFragment) => {
    const next = fromAutomation(result);
    // Keep the selection on the same step after new steps got their ids.
    if (selectedIndex >= 0 && next.steps[selectedIndex]) setSelectedKey(next.steps[selectedIndex].key);
    setSaved(next);
    setState(next);
    setServer(serverProblems(result.problems, next.steps));
    return next;
  };

  const save = async () => {
    const result = await mutations.save(automation.id, toInput(state, pipeline.id));
    if (!result) return null;
    applySaved(result);
    setNotice(t(draft ? 'automations.editor.saved' : 'automations.editor.savedActive'));
    return result;
  };

  const activate = async () => {
    setNotice(null);
    if (problems.length > 0) {
      setBlocked(true);
      return;
    }
    if (dirty) {
      const result = await save();
      if (!result) return;
      if (result.problems.length > 0) {
        setBlocked(true);
        return;
      }
    }
    const { automation: activated, problems: refused } = await mutations.activate(automation.id);
    if (refused) {
      mutations.clearError();
      setServer(serverProblems(refused, saved.steps));
      setBlocked(true);
      return;
    }
    if (activated) setNotice(t('automations.editor.activated'));
  };

  // Managers and admins change any automation; others only their own (an "Email this view" they sent).
  const me = useCurrentUser();
  const mayChange = me.role === 'ADMIN' || me.role === 'MANAGER' || automation.createdById === me.id;
  const [confirmStop, setConfirmStop] = useState(false);
  const stop = async () => {
    const result = await mutations.stop(automation.id);
    if (result) {
      setConfirmStop(false);
      setNotice(t('automations.editor.stopped'));
    }
  };

  const pauseOrResume = async () => {
    const result = automationState === 'ACTIVE' ? await mutations.pause(automation.id) : await mutations.resume(automation.id);
    if (result) setNotice(t(result.state === 'PAUSED' ? 'automations.editor.paused' : 'automations.editor.resumed'));
  };

  const focusStep = (key: string | null) => {
    setBlocked(false);
    setTab('steps');
    if (key) {
      setSelectedKey(key);
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>(`[data-step-key="${key}"] .timeline-step__main`)?.focus();
      });
    }
  };

  const problemLine = (problem: EditorProblem) => {
    const index = state.steps.findIndex((step) => step.key === problem.stepKey);
    return index >= 0 ? t('automations.activate.stepProblem', { position: index + 1, message: messageOf(problem) }) : messageOf(problem);
  };

  return (
    <div className="page page--wide automation-editor">
      <nav className="automation-editor__crumbs" aria-label={t('automations.editor.breadcrumb')}>
        <Link to={automationsPath(pipeline.id)}>{t('automations.editor.backTo', { pipeline: pipeline.name })}</Link>
      </nav>
      <header className="automation-editor__header">
        <div className="automation-editor__title">
          <input
            className="automation-editor__name"
            aria-label={t('automations.editor.name')}
            value={state.name}
            disabled={readOnly}
            onChange={(event) => change({ name: event.target.value })}
          />
          <span className={`badge ${stateTone(automationState)}`}>{t(`automations.state.${automationState}`)}</span>
          {automationState === 'PAUSED' && automation.pausedReason && (
            <span className="automation-editor__dirty">{t(`automations.pausedReason.${automation.pausedReason}`, { defaultValue: '' })}</span>
          )}
          {dirty && <span className="automation-editor__dirty">{t('automations.editor.unsaved')}</span>}
        </div>
        <div className="automation-actions">
          {draft && (
            <button type="button" className="button button--secondary" onClick={() => void activate()} disabled={mutations.busy}>
              <PlayIcon />
              {t('automations.editor.activate')}
            </button>
          )}
          {mayChange && (automationState === 'ACTIVE' || automationState === 'PAUSED') && (
            <button type="button" className="button button--secondary" onClick={() => void pauseOrResume()} disabled={mutations.busy}>
              {automationState === 'ACTIVE' ? <PauseIcon /> : <PlayIcon />}
              {t(automationState === 'ACTIVE' ? 'automations.editor.pause' : 'automations.editor.resume')}
            </button>
          )}
          {mayChange && (automationState === 'ACTIVE' || automationState === 'PAUSED') && (
            <button type="button" className="button button--secondary" onClick={() => setConfirmStop(true)} disabled={mutations.busy}>
              {t('automations.editor.stop')}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => void save()}
            disabled={!dirty || mutations.busy || readOnly}
            aria-busy={mutations.busy}
          >
            {t('automations.editor.save')}
          </button>
        </div>
      </header>
      {!draft && !readOnly && (
        <p className="automation-editor__active-note">
          {t(automationState === 'PAUSED' ? 'automations.editor.pausedNote' : 'automations.editor.activeNote')}
        </p>
      )}
      {confirmStop && (
        <ConfirmDialog
          title={t('automations.editor.stopTitle', { name: automation.name })}
          body={t('automations.editor.stopBody')}
          confirmLabel={t('automations.editor.stop')}
          onConfirm={() => void stop()}
          onClose={() => setConfirmStop(false)}
          busy={mutations.busy}
          error={mutations.error}
        />
      )}
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {mutations.error && (
        <div className="alert alert--danger list-alert" role="alert">
          <AlertIcon />
          <span>{mutations.error.message}</span>
          <button type="button" className="icon-button icon-button--small" aria-label={t('automations.editor.dismiss')} onClick={mutations.clearError}>
            <CloseIcon />
          </button>
        </div>
      )}
      {blocked && problems.length > 0 && (
        <section className="alert alert--danger activation-blocked" role="alert" aria-labelledby="blocked-title">
          <AlertIcon />
          <div>
            <h2 id="blocked-title" className="alert__title">
              {t('automations.activate.blockedTitle', { count: problems.length })}
            </h2>
            <ul className="activation-blocked__list">
              {problems.map((problem) => (
                <li key={`${problem.stepKey ?? 'automation'}-${problem.field}`}>
                  {problem.stepKey ? (
                    <button type="button" className="link-button" onClick={() => focusStep(problem.stepKey)}>
                      {problemLine(problem)}
                    </button>
                  ) : (
                    problemLine(problem)
                  )}
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
      <div className="tabs-row">
        <div className="tabs" role="tablist" aria-label={t('automations.editor.sections')}>
          <button type="button" role="tab" id="tab-steps" aria-controls="panel-steps" aria-selected={tab === 'steps'} className={`tab${tab === 'steps' ? ' tab--active' : ''}`} onClick={() => setTab('steps')}>
            {t('automations.editor.stepsTab')}
          </button>
          <button type="button" role="tab" id="tab-runs" aria-controls="panel-runs" aria-selected={tab === 'runs'} className={`tab${tab === 'runs' ? ' tab--active' : ''}`} onClick={() => setTab('runs')}>
            {t('automations.editor.runsTab')}
          </button>
        </div>
      </div>
      {tab === 'steps' ? (
        <div role="tabpanel" id="panel-steps" aria-labelledby="tab-steps">
          <TriggerPanel
            state={state}
            pipeline={pipeline}
            views={options.views}
            locked={!draft}
            readOnly={readOnly}
            problems={Object.fromEntries(problems.filter((p) => p.stepKey === null).map((p) => [p.field, messageOf(p)]))}
            onChange={change}
          />
          <StepSequence
            steps={state.steps}
            views={views}
            triggerLabel={triggerLabel}
            selectedKey={selectedKey}
            readOnly={readOnly}
            onSelect={setSelectedKey}
            onChange={(steps, focusKey) => {
              change({ steps });
              if (focusKey !== undefined) setSelectedKey(focusKey);
            }}
            side={
              selected ? (
                <StepSettings
                  key={selected.key}
                  step={selected}
                  position={selectedIndex + 1}
                  pipelineId={pipeline.id}
                  emailTemplates={options.emailTemplates}
                  todoTemplates={options.todoTemplates}
                  users={options.users}
                  problems={Object.fromEntries(views[selected.key].problems.map((p) => [p.field, p.message]))}
                  readOnly={readOnly}
                  onChange={(patch) => changeStep(selected.key, patch)}
                  onClose={() => setSelectedKey(null)}
                />
              ) : (
                <p className="step-settings__empty">{t('automations.settings.selectHint')}</p>
              )
            }
          />
        </div>
      ) : (
        <div role="tabpanel" id="panel-runs" aria-labelledby="tab-runs">
          <RunsPanel automation={automation} />
        </div>
      )}
      {guard.pending && (
        <Dialog title={t('automations.leave.title')} onClose={guard.stay} size="small">
          <p>{t('automations.leave.body')}</p>
          <div className="dialog__footer">
            <button type="button" className="button button--secondary" onClick={guard.stay} data-autofocus>
              {t('automations.leave.stay')}
            </button>
            <button type="button" className="button button--danger" onClick={guard.proceed}>
              {t('automations.leave.discard')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
