package io.filmwire.enrich.streams;

import io.filmwire.enrich.reconcile.ReconcileState;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link ReconcileState} in the reconciliation stores of {@link EnrichTopology}: films, mentions,
 * the title index, the page index and the overrides, each a changelogged key-value store. One
 * instance per task.
 */
final class StoreReconcileState {

    private StoreReconcileState() {
    }

    /** The state in the stores of the task of {@code context}. */
    static ReconcileState of(ProcessingContext context) {
        return new ReconcileState(table(context, EnrichTopology.FILMS_STORE), table(context, EnrichTopology.MENTIONS_STORE),
                table(context, EnrichTopology.TITLES_STORE), table(context, EnrichTopology.PAGES_STORE),
                table(context, EnrichTopology.OVERRIDES_STORE));
    }

    private static <V> ReconcileState.Table<V> table(ProcessingContext context, String name) {
        KeyValueStore<String, V> store = context.getStateStore(name);
        return ReconcileState.Table.of(store::get, store::put, key -> store.delete(key));
    }
}
