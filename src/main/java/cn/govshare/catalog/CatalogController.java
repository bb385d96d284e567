package cn.govshare.catalog;

import cn.govshare.org.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
class CatalogController {

  private final CatalogService catalog;
  private final CatalogChanges changes;
  private final UpdateObligations obligations;

  CatalogController(CatalogService catalog, CatalogChanges changes, UpdateObligations obligations) {
    this.catalog = catalog;
    this.changes = changes;
    this.obligations = obligations;
  }

  @GetMapping("/resources")
  CatalogPage list(@RequestParam(required = false) String dept, @RequestParam(required = false) ShareType shareType,
      @RequestParam(required = false) Classification classification, @RequestParam(required = false) String q,
      @RequestParam(required = false) ResourceStatus status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Caller caller) {
    return catalog.search(dept, shareType, classification, q, status, page, size, caller);
  }

  @GetMapping("/resources/{code}")
  CatalogView get(@PathVariable String code, Caller caller) {
    return catalog.view(code, caller);
  }

  @PostMapping("/resources")
  @ResponseStatus(HttpStatus.CREATED)
  CatalogView create(@RequestBody ResourceInput body, Caller caller) {
    return catalog.view(catalog.create(body, caller).code(), caller);
  }

  @PutMapping("/resources/{code}")
  CatalogView edit(@PathVariable String code, @RequestBody ResourceInput body, Caller caller) {
    catalog.edit(code, body, caller);
    return catalog.view(code, caller);
  }

  @PostMapping("/resources/{code}/publish")
  @ResponseStatus(HttpStatus.ACCEPTED)
  CatalogView publish(@PathVariable String code, @RequestBody(required = false) SubmitInput body, Caller caller) {
    changes.publish(code, body, caller);
    return catalog.view(code, caller);
  }

  @PostMapping("/resources/{code}/retire")
  @ResponseStatus(HttpStatus.ACCEPTED)
  CatalogView retire(@PathVariable String code, @RequestBody(required = false) SubmitInput body, Caller caller) {
    changes.retire(code, body, caller);
    return catalog.view(code, caller);
  }

  @PostMapping("/update-obligations")
  @ResponseStatus(HttpStatus.CREATED)
  UpdateObligation openObligation(@RequestBody ObligationInput body, Caller caller) {
    return obligations.open(body.department(), body.legalChange(), caller);
  }

  @GetMapping("/update-obligations/{id}")
  UpdateObligation obligation(@PathVariable long id, Caller caller) {
    return obligations.get(id, caller);
  }

  record ObligationInput(String department, String legalChange) {
  }
}
