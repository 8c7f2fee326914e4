package org.piste.app.imports;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.StoredRows;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;

/** What every import test starts from: a fresh migrated database, its import service, a folder for its files. */
abstract class ImportTestBase {
    @TempDir Path dir;

    Database database;
    StoredRows stored;
    ImportService service;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.fresh();
        stored = new StoredRows(database);
        service = new ImportService(database);
    }
}
