package org.craftline.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

public class AuthConfiguration {

    /** An operator-chosen admin token (CRAFTLINE_ADMIN_TOKEN); empty to have one made on first start. */
    private String adminToken = "";

    /** Where a first-start admin token is written, readable only by its owner. */
    @NotBlank
    private String adminTokenFile = "./data/admin-token";

    @JsonProperty
    public String getAdminToken() {
        return adminToken;
    }

    @JsonProperty
    public void setAdminToken(String adminToken) {
        this.adminToken = adminToken;
    }

    @JsonProperty
    public String getAdminTokenFile() {
        return adminTokenFile;
    }

    @JsonProperty
    public void setAdminTokenFile(String adminTokenFile) {
        this.adminTokenFile = adminTokenFile;
    }
}
