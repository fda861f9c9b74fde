package io.hyperscalelab.execution;

import io.hyperscalelab.data.DatasetSize;

/** {@link LabDifferentialSuite} on the embedded cluster, through the portal's distributed executor. */
class ExecutorDifferentialTest extends LabDifferentialSuite {

    @Override
    protected DifferentialLab startLab() throws Exception {
        return LabCluster.start("exec-diff", DatasetSize.ofEvents(25_000));
    }
}
