package io.hyperscalelab.execution;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ExecutorOptions.class)
class ExecutionConfiguration {

    @Bean(destroyMethod = "close")
    DistributedExecutor distributedExecutor(ExecutorOptions options) {
        return new DistributedExecutor(options);
    }
}
