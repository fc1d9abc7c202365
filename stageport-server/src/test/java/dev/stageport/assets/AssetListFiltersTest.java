package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The GET /assets filters about metadata Stageport assets never have, and permissionFilter. */
class AssetListFiltersTest extends ServerTest {

    private static final String ASSETS = "/api/asset-repository/v1/assets";

    private int count(Api client, String query) {
        Api.Response r = client.get(ASSETS + "?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("results").size();
    }

    @Test
    void templateUrlPathAndBuiltInFiltersMatchNothingOrEverything() throws Exception {
        assertThat(api.uploadBundle(BundleUploadTest.app(UUID.randomUUID(), "Filtered")).status()).isEqualTo(201);

        assertThat(count(api, "metadata.isBuiltInAsset=false")).isPositive();
        assertThat(count(api, "metadata.isBuiltInAsset=true")).isZero();
        assertThat(count(api, "metadata.templateType=ApplicationTemplate")).isZero();
        assertThat(count(api, "metadata.urlPathContains=hello")).isZero();
        api.get(ASSETS + "?metadata.templateType=Bogus").problem(400);
    }

    @Test
    void permissionFilterKeepsAssetsOnlyForAPermissionTheCallerHolds() throws Exception {
        assertThat(api.uploadBundle(BundleUploadTest.app(UUID.randomUUID(), "Perm filter")).status()).isEqualTo(201);
        Api opener = clientWith(everywhere(Permission.ASSET_OPEN, Permission.ASSET_CHANGE));

        assertThat(count(opener, "permissionFilter=AppChange")).isPositive();
        assertThat(count(opener, "permissionFilter=AppDeploy")).isZero();
        assertThat(count(opener, "permissionFilter=AppDebug")).isZero();
        opener.get(ASSETS + "?permissionFilter=Nonsense").problem(400);
    }
}
