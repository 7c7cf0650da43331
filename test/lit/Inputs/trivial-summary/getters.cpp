// Eight one-line getters: trivial functions.
struct Order {
  int id, qty, price, discount, tax, shipping, weight, zone;
  int get_id() const { return id; }
  int get_qty() const { return qty; }
  int get_price() const { return price; }
  int get_discount() const { return discount; }
  int get_tax() const { return tax; }
  int get_shipping() const { return shipping; }
  int get_weight() const { return weight; }
  int get_zone() const { return zone; }
};
int total(const Order &o) {
  int sum = o.get_price() * o.get_qty();
  sum += o.get_tax() + o.get_shipping() - o.get_discount();
  return sum + o.get_id() * 0 + o.get_weight() * 0 + o.get_zone() * 0;
}
