package io.escalera.exchange.internal;

import io.escalera.admin.UnitImport;
import io.escalera.customer.CustomerImport;
import io.escalera.customer.OrderImport;
import io.escalera.customer.ReferralImport;
import io.escalera.exchange.ImportKind;
import io.escalera.feedback.FeedbackImport;
import io.escalera.interaction.InteractionImport;
import io.escalera.shared.imports.BulkImport;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The module service behind each kind of import: what the runner stages, checks, commits and reports through. */
public interface ImportTarget {

    /** A reader of the file's lines by a mapping of fields to headers, and the staging of what it read. */
    Stager stager(List<String> headers, Map<String, String> mapping);

    ImportSummary check(long importId);

    ImportSummary commit(long importId);

    List<ImportReject> rejects(long importId, long offset, int limit);

    void forgetAccepted(long importId);

    void discard(long importId);

    interface Stager {
        /** Reads one line (a bad value becomes a rejected row) and keeps it until {@link #take}. */
        void add(TabularFile.Line line);

        int pending();

        /** Hands over the rows read so far: the returned work stages them (it may run on another thread). */
        Runnable take(long importId);
    }

    @Component
    class Targets {
        private final Map<ImportKind, ImportTarget> targets;

        Targets(OrderImport orders, CustomerImport customers, InteractionImport interactions,
                FeedbackImport answers, ReferralImport referrals, UnitImport units,
                Clock clock) {
            this.targets = Map.of(
                    ImportKind.ORDERS, new Of<>(orders, columns -> new OrderRows(columns)::read),
                    ImportKind.CUSTOMERS, new Of<>(customers, columns -> new CustomerRows(columns)::read),
                    ImportKind.INTERACTIONS, new Of<>(interactions, columns -> new InteractionRows(columns, clock.getZone())::read),
                    ImportKind.FEEDBACK, new Of<>(answers, columns -> new FeedbackRows(columns, clock.getZone())::read),
                    ImportKind.REFERRALS, new Of<>(referrals, columns -> new ReferralRows(columns)::read),
                    ImportKind.UNITS, new Of<>(units, columns -> new UnitRows(columns)::read));
        }

        public ImportTarget of(ImportKind kind) {
            return targets.get(kind);
        }
    }

    /** Rows read into a chunk, staged by the module's service. */
    final class ChunkStager<T> implements Stager {
        private final Function<TabularFile.Line, T> reader;
        private final BiConsumer<Long, List<T>> stage;
        private final List<T> chunk = new ArrayList<>();

        ChunkStager(Function<TabularFile.Line, T> reader, BiConsumer<Long, List<T>> stage) {
            this.reader = reader;
            this.stage = stage;
        }

        @Override
        public void add(TabularFile.Line line) {
            chunk.add(reader.apply(line));
        }

        @Override
        public int pending() {
            return chunk.size();
        }

        @Override
        public Runnable take(long importId) {
            List<T> rows = List.copyOf(chunk);
            chunk.clear();
            return () -> stage.accept(importId, rows);
        }
    }

    /** A module's import service, with the reader that turns a file's lines into its rows. */
    record Of<R>(BulkImport<R> service, Function<ImportColumns, Function<TabularFile.Line, R>> reader) implements ImportTarget {
        public Stager stager(List<String> headers, Map<String, String> mapping) {
            return new ChunkStager<>(reader.apply(ImportColumns.of(headers, mapping)), service::stage);
        }
        public ImportSummary check(long importId) { return service.check(importId); }
        public ImportSummary commit(long importId) { return service.commit(importId); }
        public List<ImportReject> rejects(long importId, long offset, int limit) { return service.rejects(importId, offset, limit); }
        public void forgetAccepted(long importId) { service.forgetAccepted(importId); }
        public void discard(long importId) { service.discard(importId); }
    }
}
