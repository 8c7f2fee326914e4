package org.piste.app.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.piste.resolve.MatchModel;

class StoredModelTest {
    @Test
    void aStoredModelIsRebuiltExactly() {
        int fields = MatchModel.fields().size();
        double[][] m = new double[fields][], u = new double[fields][];
        for (int f = 0; f < fields; f++) {
            int levels = MatchModel.levels(MatchModel.fields().get(f)).size();
            m[f] = new double[levels];
            u[f] = new double[levels];
            for (int l = 1; l < levels; l++) {
                m[f][l] = 1.0 / 3 / l;
                u[f][l] = 0.1 + f * 1e-9 + l / 7.0;
            }
        }
        MatchModel model = MatchModel.of(m, u, 1e-7);
        StoredModel stored = new StoredModel(1, StoredModel.VERSION, model.prior(),
                StoredModel.fromJson(StoredModel.toJson(model.mTable())), StoredModel.fromJson(StoredModel.toJson(model.uTable())), "");

        Optional<MatchModel> rebuilt = StoredModel.Restorer.TABLES.restore(stored);

        assertThat(rebuilt).isPresent();
        assertThat(rebuilt.get().mTable()).isDeepEqualTo(m);
        assertThat(rebuilt.get().uTable()).isDeepEqualTo(u);
        assertThat(rebuilt.get().prior()).isEqualTo(1e-7);
    }

    @Test
    void aModelOfAnotherFormatIsNotRebuilt() {
        StoredModel old = new StoredModel(1, "fellegi-sunter/description-1", 0.1, new double[0][], new double[0][], "");
        assertThat(StoredModel.Restorer.TABLES.restore(old)).isEmpty();
    }
}
