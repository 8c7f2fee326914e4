package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.piste.model.RowCounts;

/** An import commits only when PostgreSQL stored exactly the rows it accepted and set aside. */
class ImportReconcileTest {
    private static final RowCounts READ = new RowCounts(10, 7, 2, 1);

    @Test
    void theRowsStoredMatchingTheCountsReconcile() {
        assertThatCode(() -> ImportService.reconcile(READ, 7, 3)).doesNotThrowAnyException();
    }

    @Test
    void aTransferLostOrAddedStopsTheImport() {
        assertThatThrownBy(() -> ImportService.reconcile(READ, 6, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("6 transfers").hasMessageContaining("rolled back");
        assertThatThrownBy(() -> ImportService.reconcile(READ, 8, 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRejectionLostStopsTheImport() {
        // quarantined and duplicates together are the rejections: 2 + 1
        assertThatThrownBy(() -> ImportService.reconcile(READ, 7, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 rejections");
        assertThatThrownBy(() -> ImportService.reconcile(READ, 7, 4)).isInstanceOf(IllegalStateException.class);
    }
}
