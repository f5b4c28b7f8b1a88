import { useCallback, useMemo, useState } from 'react';
import { PlanCanvas } from '../canvas/PlanCanvas';
import { createPlanLibrary, browserStorage } from '../persistence/plan-library';
import { resolveInitialPlan } from '../persistence/initial-plan';
import { useAutosave } from '../persistence/useAutosave';
import type { Plan } from '../core/plan/schema';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { EditorProvider, useEditor } from '../store/EditorProvider';
import { AddRoleDialog } from '../ui/AddRoleDialog';
import { Dialog } from '../ui/Dialog';
import { ImportProblemsDialog, type ImportFailure } from '../ui/ImportProblemsDialog';
import { Inspector } from '../ui/Inspector';
import { MoveRoleDialog } from '../ui/MoveRoleDialog';
import { NoticeBar } from '../ui/NoticeBar';
import { Palette } from '../ui/Palette';
import { PlansDialog } from '../ui/PlansDialog';
import { PresentationVerdict } from '../ui/PresentationVerdict';
import { BottomPanel } from '../ui/BottomPanel';
import { StatusBar } from '../ui/StatusBar';
import { TemplateList } from '../ui/TemplateList';
import { Toolbar } from '../ui/Toolbar';
import { importPlanText } from './import-plan';
import { useFileImport } from './useFileImport';
import { useSharedLink } from './useSharedLink';
import { PrintView } from '../ui/PrintView';
import { useShortcuts } from './useShortcuts';
import './theme.css';
import './App.css';

const selectPresentation = (s: { presentation: boolean }) => s.presentation;

/** Creates the library and the store once, restoring the last plan. */
export function App() {
  const library = useMemo(() => createPlanLibrary(browserStorage()), []);
  const [store] = useState<EditorStore>(() => {
    const initial = resolveInitialPlan(library);
    const created = createEditorStore(initial.plan, initial.documentId);
    if (initial.problem) created.getState().notify('error', initial.problem);
    return created;
  });
  return (
    <EditorProvider store={store}>
      <Designer store={store} library={library} />
    </EditorProvider>
  );
}

type OpenDialog = 'plans' | 'templates' | undefined;

function Designer({ store, library }: { store: EditorStore; library: ReturnType<typeof createPlanLibrary> }) {
  useAutosave(store, library);
  useShortcuts(store);
  const presentation = useEditor(selectPresentation);
  const [dialog, setDialog] = useState<OpenDialog>();
  const [importFailure, setImportFailure] = useState<ImportFailure>();

  const importText = useCallback(
    (text: string, source: string) => setImportFailure(importPlanText(store, text, source, library.newId())),
    [store, library],
  );
  useFileImport(importText);
  const onImportFile = (file: File) => {
    file.text().then(
      (text) => importText(text, file.name),
      () => setImportFailure({ fileName: file.name, problems: [{ path: '$', message: 'the file cannot be read' }] }),
    );
  };
  const openShared = useCallback(
    (plan: Plan) => {
      store.getState().replacePlan(plan, { documentId: library.newId() });
      store.getState().notify('info', `Opened the shared plan “${plan.name}”.`);
    },
    [store, library],
  );
  const [shared, setShared] = useSharedLink(openShared, () => store.getState().plan.nodes.length === 0);

  return (
    <div className={`app${presentation ? ' presentation' : ''}`}>
      <Toolbar onOpenPlans={() => setDialog('plans')} onOpenTemplates={() => setDialog('templates')} onImportFile={onImportFile} />
      <div className="workspace">
        {!presentation && <Palette />}
        <main className="canvas-area" aria-label="Canvas">
          <PlanCanvas />
          <NoticeBar />
          {presentation && <PresentationVerdict />}
        </main>
        {!presentation && <Inspector />}
      </div>
      {!presentation && <BottomPanel />}
      <StatusBar />
      <AddRoleDialog />
      <MoveRoleDialog />
      {dialog === 'plans' && <PlansDialog library={library} onClose={() => setDialog(undefined)} />}
      {dialog === 'templates' && (
        <Dialog title="Start from a template" onClose={() => setDialog(undefined)}>
          <p>Each template is a layout of the Carbonio docs; it opens as a new saved plan.</p>
          <TemplateList newDocumentId={() => library.newId()} onOpened={() => setDialog(undefined)} />
        </Dialog>
      )}
      {importFailure && <ImportProblemsDialog failure={importFailure} onClose={() => setImportFailure(undefined)} />}
      {shared?.kind === 'failed' && (
        <ImportProblemsDialog
          failure={{ fileName: 'the share link', problems: shared.problems }}
          onClose={() => setShared(undefined)}
        />
      )}
      {shared?.kind === 'confirm' && (
        <Dialog
          title="Open the shared plan?"
          onClose={() => setShared(undefined)}
          actions={
            <>
              <button
                type="button"
                data-autofocus
                onClick={() => {
                  openShared(shared.plan);
                  setShared(undefined);
                }}
              >
                Open shared plan
              </button>
              <button type="button" onClick={() => setShared(undefined)}>
                Keep current plan
              </button>
            </>
          }
        >
          <p>
            The link holds “{shared.plan.name}” ({shared.plan.nodes.length} nodes). It replaces the plan on screen; your current
            plan stays in Plans.
          </p>
        </Dialog>
      )}
      <PrintView />
    </div>
  );
}
