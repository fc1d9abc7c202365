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
        public Set<String> elsewhere() {
            return Set.of();
        }
    };

    /** True when this replica may run work with this placement (it may take ownership of it now). */
    boolean mayRun(String placement);

    /** Placements other replicas own: their work is left out of this replica's candidate query. */
    Set<String> elsewhere();
}
