package io.hyperscalelab.execution;

import io.hyperscalelab.cluster.RealCitusSuite;
import io.hyperscalelab.data.DatasetSize;

/** {@link LabDifferentialSuite} on real Citus (the citusdata/citus images), statements going to Citus as they are. */
@RealCitusSuite
class RealCitusDifferentialTest extends LabDifferentialSuite {

    @Override
    protected DifferentialLab startLab() throws Exception {
        return CitusLab.start("real-citus-diff", DatasetSize.ofEvents(25_000));
    }
}
