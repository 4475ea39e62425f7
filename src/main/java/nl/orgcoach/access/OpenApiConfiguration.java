package nl.orgcoach.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description: bearer-token security, and the scope parameter hidden (it is the path's
 * clientId).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(ClientScope.class, UserAccount.class);
  }

  @Bean
  OpenAPI orgCoachOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("OrgCoach API")
                .version("v1")
                .description(
                    "The OrgCoach REST API. Authenticate with a personal API token (My account → API tokens) as "
                        + "'Authorization: Bearer oc_…'. A token is valid for one client organisation. Errors are "
                        + "RFC 9457 problem details.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("oc_…")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
