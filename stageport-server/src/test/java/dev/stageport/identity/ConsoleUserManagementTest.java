package dev.stageport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsoleUserManagementTest extends ServerTest {

    static final String USERS = "/api/stageport/v1/console-users";

    private static String name() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aUserIsCreatedWithAGeneratedPasswordShownOnceThenEditedSuspendedAndDeleted() {
        String name = name();
        Api.Response created = api.post(USERS, "{\"username\":\"" + name + "\",\"displayName\":\"Ana\","
                + "\"permissions\":[{\"permission\":\"StageView\",\"environmentKey\":\"" + DemoData.QA + "\"}]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("password").asString()).hasSizeGreaterThan(20);
        assertThat(created.json().get("status").asString()).isEqualTo("Active");
        Api.Response shown = api.get(USERS + "/" + name);
        assertThat(shown.json().has("password")).isFalse();
        assertThat(shown.json().get("permissions").get(0).get("environmentKey").asString()).isEqualTo(DemoData.QA);

        assertThat(api.patch(USERS + "/" + name, "{\"displayName\":\"Ana Lima\"}").json().get("displayName")
                .asString()).isEqualTo("Ana Lima");
        assertThat(api.put(USERS + "/" + name + "/permissions", "{\"permissions\":[]}").json().get("permissions"))
                .isEmpty();
        assertThat(api.post(USERS + "/" + name + "/suspend", "").json().get("status").asString())
                .isEqualTo("Suspended");
        assertThat(api.send("DELETE", USERS + "/" + name, "application/json", new byte[0]).status()).isEqualTo(204);
        assertThat(api.get(USERS + "/" + name).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String name = name();
        assertThat(api.post(USERS, "{\"username\":\"<b>x</b>\"}").status()).isEqualTo(400);
        Api.Response shortPassword = api.post(USERS, "{\"username\":\"" + name + "\",\"password\":\"short\"}");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("password");
        assertThat(api.post(USERS, "{\"username\":\"" + name + "\"}").status()).isEqualTo(201);
        assertThat(api.post(USERS, "{\"username\":\"" + name + "\"}").status()).isEqualTo(409);
        assertThat(api.post(USERS, "{\"username\":\"" + name() + "\",\"permissions\":[{\"permission\":\"Nope\","
                + "\"environmentKey\":\"*\"}]}").status()).isEqualTo(400);
    }

    @Test
    void managingUsersNeedsManageApiClientsOnEveryStage() {
        Api viewer = clientWith(everywhere(Permission.STAGE_VIEW));

        assertThat(viewer.get(USERS).status()).isEqualTo(403);
        assertThat(viewer.post(USERS, "{\"username\":\"" + name() + "\"}").status()).isEqualTo(403);
    }
}
