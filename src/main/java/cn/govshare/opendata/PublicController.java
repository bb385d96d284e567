package cn.govshare.opendata;

import cn.govshare.opendata.OpenDataRequests.NewOpenDataRequest;
import cn.govshare.opendata.OpenDataRequests.OpenResource;
import cn.govshare.opendata.OpenDataRequests.Portal;
import cn.govshare.opendata.OpenDataRequests.RequestView;
import cn.govshare.org.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open-data portal's API (R25; nanchang 18-21, docs/open-data.md): the only /api a public account may call.
 * Registration, the portal's state and the open catalogue need no login (nanchang 19: the open catalogue is
 * published to the public); everything else is HTTP Basic as the public account.
 */
@RestController
@Tag(name = "数据开放门户")
@RequestMapping(PublicController.PATH)
class PublicController {

  static final String PATH = "/api/public";

  private final PublicAccounts accounts;
  private final OpenDataRequests requests;

  PublicController(PublicAccounts accounts, OpenDataRequests requests) {
    this.accounts = accounts;
    this.requests = requests;
  }

  @GetMapping("/portal")
  @Operation(operationId = "getOpenDataPortal", summary = "数据开放门户：现行办法是否受理开放数据申请、答复期限和依据（无需登录）")
  Portal portal() {
    return requests.portal().withRegistration(accounts.registration());
  }

  @GetMapping("/catalog")
  @Operation(operationId = "listOpenCatalog", summary = "开放目录：可向社会开放的资源（无需登录，R4、R25）")
  List<OpenResource> catalog() {
    return requests.openCatalog();
  }

  @PostMapping("/accounts")
  @Operation(operationId = "registerPublicAccount", summary = "公众注册：姓名、证件号码和联系方式，验证码经邮件发送（无需登录，限频）")
  @ResponseStatus(HttpStatus.CREATED)
  PublicAccountView register(@RequestBody(required = false) NewPublicAccount body, HttpServletRequest request) {
    return accounts.register(body, request.getRemoteAddr());
  }

  @GetMapping("/accounts/{userId}")
  @Operation(operationId = "getPublicAccount", summary = "本人的公众账号（证件号码和联系方式已遮蔽）")
  PublicAccountView account(Caller caller, @PathVariable String userId) {
    return accounts.view(caller, userId);
  }

  @PostMapping("/accounts/{userId}/verification")
  @Operation(operationId = "verifyPublicAccount", summary = "填写验证码，验证后账号方可申请")
  PublicAccountView verify(Caller caller, @PathVariable String userId,
      @RequestBody(required = false) Map<String, String> body) {
    return accounts.verify(caller, userId, body == null ? null : body.get("code"));
  }

  @PostMapping("/accounts/{userId}/verification-code")
  @Operation(operationId = "resendPublicVerificationCode", summary = "重新发送验证码（原验证码作废，限频）")
  PublicAccountView resend(Caller caller, @PathVariable String userId) {
    return accounts.resend(caller, userId);
  }

  @PostMapping("/open-data-requests")
  @Operation(operationId = "applyForOpenData", summary = "提交开放数据申请：资源、目的和用途（已验证的公众账号，限频）")
  @ResponseStatus(HttpStatus.CREATED)
  RequestView apply(Caller caller, @RequestBody(required = false) NewOpenDataRequest body,
      HttpServletRequest request) {
    return requests.apply(caller, body, request.getRemoteAddr());
  }

  @GetMapping("/open-data-requests")
  @Operation(operationId = "listOwnOpenDataRequests", summary = "本人的开放数据申请：状态、期限和答复")
  List<RequestView> mine(Caller caller) {
    return requests.mine(caller);
  }
}
