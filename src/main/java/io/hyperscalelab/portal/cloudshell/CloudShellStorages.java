package io.hyperscalelab.portal.cloudshell;

import io.hyperscalelab.security.Account;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each learner's Cloud Shell storage, in the state database: once it exists, Cloud Shell skips its first-run dialogs. */
@Repository
class CloudShellStorages {

    private final JdbcClient jdbc;

    CloudShellStorages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CloudShellStorage> find(Account account) {
        return jdbc.sql("SELECT region, resource_group, storage_account, file_share FROM cloud_shell_storage WHERE account_id = ?")
                .param(account.id())
                .query((rs, row) -> new CloudShellStorage(rs.getString("region"), rs.getString("resource_group"),
                        rs.getString("storage_account"), rs.getString("file_share")))
                .optional();
    }

    /**
     * Records the learner's storage and returns what is stored: the storage of another browser tab
     * if that one was quicker.
     *
     * @throws StorageAccountTakenException when another learner has a storage account of that name
     */
    CloudShellStorage create(Account account, CloudShellStorage storage) {
        try {
            jdbc.sql("INSERT INTO cloud_shell_storage (account_id, region, resource_group, storage_account, file_share) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO NOTHING")
                    .params(account.id(), storage.region(), storage.resourceGroup(), storage.storageAccount(), storage.fileShare())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new StorageAccountTakenException(storage.storageAccount());
        }
        return find(account).orElseThrow();
    }

    /** Azure's refusal of a storage account name that is in use anywhere. */
    static final class StorageAccountTakenException extends RuntimeException {

        StorageAccountTakenException(String name) {
            super("The storage account named " + name + " is already taken.");
        }
    }
}
