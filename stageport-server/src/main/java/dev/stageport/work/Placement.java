package dev.stageport.work;

import java.util.Set;

/**
 * Where work may run. Most work runs on any replica; some is placed (a Deploy to a stage whose
 * apps are child processes of one replica) and only the replica that owns the placement claims it.
 * A feature that places work provides this port; the engine asks it before every claim.
 */
public interface Placement {

    Placement ANYWHERE = new Placement() {
        @Override
        public boolean mayRun(String placement) {
            return true;
        }

        @Override
        public View view() {
            return View.ANY;
        }
    };

    /** True when this replica may run work with this placement (it may take ownership of it now). */
    boolean mayRun(String placement);

    /**
     * What one read tells of every placement, taken once per engine cycle: work placed
     * {@code elsewhere} (other replicas own it) is left out of this replica's candidate query, and
     * work placed {@code here} may be claimed without asking {@link #mayRun} again. Any other
     * placement (new, or not owned yet) is asked about before its claim.
     */
    View view();

    /** Placements other replicas own: their work is left out of this replica's candidate query. */
    default Set<String> elsewhere() {
        return view().elsewhere();
    }

    record View(Set<String> elsewhere, Set<String> here, boolean anywhere) {
        static final View ANY = new View(Set.of(), Set.of(), true);

        public View(Set<String> elsewhere, Set<String> here) {
            this(elsewhere, here, false);
        }

        boolean runsHere(String placement) {
            return anywhere || here.contains(placement);
        }
    }
}
